// Express 4, installed as `express4` to run the compat layer and the strangler router against the Express most
// legacy apps run. Its API is typed as Express 5's (what the tests use of it is the same in both).
declare module 'express4' {
  import express from 'express';
  export default express;
}
