import type { App, HandleOptions } from './app.js';
import type { CarveResponse, IncomingRequest } from './request.js';

export type Answer = CarveResponse | undefined | Promise<CarveResponse | undefined>;
type Answering = (incoming: IncomingRequest, options?: HandleOptions) => Answer;

const answering = new WeakMap<App, Answering>();

/** Records how an app answers without a promise (createApp does, for every app it makes). */
export function answersWith(app: App, answer: Answering): void {
  answering.set(app, answer);
}

/**
 * `app.handle(incoming, options)`, but the response itself where nothing waited (no body stream, authenticator,
 * async validator or async handler): a target whose platform takes either saves a promise and a turn of the
 * microtask queue per request. An app made otherwise than by createApp is asked through `handle`.
 */
export function answer(app: App, incoming: IncomingRequest, options?: HandleOptions): Answer {
  // A process serves one app, request after request: remember the last one rather than hash it every time.
  if (app !== lastApp) {
    lastApp = app;
    lastAnswer = answering.get(app);
  }
  return lastAnswer ? lastAnswer(incoming, options) : app.handle(incoming, options);
}

let lastApp: App | undefined;
let lastAnswer: Answering | undefined;
