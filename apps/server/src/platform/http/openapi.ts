import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3 document generated from the route schemas: JSON at /docs/json, UI at /docs. */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Orbit360 API',
        version: '1.0.0',
        description: 'Multi-tenant commerce platform: merchants, provisioning, themes, plans.',
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  // Swagger UI's own policy (hashes of its inline scripts), minus upgrade-insecure-requests,
  // which would send a plain-HTTP development server's assets to https.
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    transformStaticCSP: (header) =>
      `${header.replace(/\s*upgrade-insecure-requests;?/, '')} form-action 'self'; frame-ancestors 'none'`,
  });
}
