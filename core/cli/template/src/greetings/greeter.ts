import { token } from 'carve';

/** Says hello. A dependency, so a test or another deployment can swap it: `provide(Greeter, { value })`. */
export interface Greeter {
  greet(name: string): string;
}

export const Greeter = token<Greeter>('Greeter', {
  factory: () => ({ greet: (name) => `Hello, ${name}!` }),
});
