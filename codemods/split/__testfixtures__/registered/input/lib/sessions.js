// An in-memory session store, as express-session's MemoryStore keeps one: state that every route must share.
const { randomUUID } = require('node:crypto');

class Sessions {
  constructor() {
    this.store = new Map();
  }

  middleware() {
    return (req, res, next) => {
      const sid = /(?:^|;\s*)sid=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
      req.session = (sid && this.store.get(sid)) || {};
      res.on('finish', () => {});
      req.saveSession = () => {
        const id = sid && this.store.has(sid) ? sid : randomUUID();
        this.store.set(id, req.session);
        res.setHeader('set-cookie', `sid=${id}; Path=/; HttpOnly`);
      };
      next();
    };
  }

  remember(req, res, next) {
    req.session.user = req.body.name;
    req.saveSession();
    next();
  }
}

module.exports = new Sessions();
