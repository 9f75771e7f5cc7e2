import type { FastifyInstance } from 'fastify';
import { GmError } from '../../core/errors.ts';
import type { Registry } from '../../core/ports.ts';
import { idParams, nullable, objectOf, responses, str } from '../openapi/schemas.ts';

const membersResponse = objectOf({
  parkId: str,
  items: {
    type: 'array',
    items: objectOf({ parkId: str, enterpriseId: str, name: nullable('string'), since: nullable('string') }),
  },
});

/**
 * `GET /api/v1/parks/{id}/members`: the member enterprises registered for a listed park, with
 * their names. The published lists name parks only, so a park has members once they are registered.
 */
export function parkMemberRoutes(deps: { readonly registry: Registry }) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { id: string } }>(
      '/api/v1/parks/:id/members',
      {
        schema: {
          tags: ['registry'],
          summary: "A park's registered member enterprises",
          params: idParams,
          response: responses(membersResponse),
        },
      },
      async (req) => {
        const park = await deps.registry.getPark(req.params.id);
        if (!park)
          throw new GmError('GM_NOT_FOUND', `No green industrial park with id "${req.params.id}"`, {
            field: 'id',
            id: req.params.id,
          });
        const members = await deps.registry.parkMembers(park.id);
        const items = await Promise.all(
          members.map(async (m) => ({
            ...m,
            name: (await deps.registry.getEnterprise(m.enterpriseId))?.name ?? null,
          })),
        );
        return { parkId: park.id, items };
      },
    );
    return Promise.resolve();
  };
}
