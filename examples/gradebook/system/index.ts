export { health } from './health';
export { whoami } from './whoami';
