import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders its children once its box comes near the viewport, so that work below the fold (a chart
 * and the code it needs) does not compete with what the reader sees first. `minHeight` holds the
 * place meanwhile so the page does not jump.
 */
export function WhenVisible(props: { readonly minHeight: number; readonly children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || seen) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setSeen(true);
          io.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [seen]);
  return (
    <div ref={box} style={seen ? undefined : { minHeight: props.minHeight }}>
      {seen ? props.children : null}
    </div>
  );
}
