export { health } from './health.js';
export { whoami } from './whoami.js';
