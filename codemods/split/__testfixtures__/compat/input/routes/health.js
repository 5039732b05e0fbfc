const router = require('express').Router();

router.get('/', (req, res) => res.json({ ok: true, ip: typeof req.ip }));
module.exports = router;
