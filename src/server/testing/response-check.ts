import { Ajv } from 'ajv';

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

/**
 * Compiles a route's response schema and returns a check that throws when a body does not match it
 * (as a client sees it, after JSON). buildServer's `checkResponse` in tests: a 500 then names the
 * route's stale schema.
 */
export function checkResponse(schema: object): (body: unknown) => void {
  const validate = ajv.compile(schema);
  return (body) => {
    const seen: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
    if (!validate(seen))
      throw new Error(`The response does not match its schema: ${ajv.errorsText(validate.errors)}`);
  };
}
