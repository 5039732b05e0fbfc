import type { Authenticator } from './authenticator.js';
import type { JwtAuthOptions } from './jwt.js';

// What `carve build` bundles in place of ./jwt.ts in a unit whose routes are all public: such a unit never
// asks who is calling, so it carries neither the verifier nor jose. The options were checked when the build loaded the app.
export function jwtAuth(_options: JwtAuthOptions): Authenticator {
  return {
    scheme: 'jwt',
    securityScheme: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    authenticate() {
      return Promise.reject(new Error('this unit was bundled by carve build without the JWT verifier: none of its routes needs a principal'));
    },
  };
}
