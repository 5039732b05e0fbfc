const express = require('express');
const asyncHandler = require('../lib/async-handler');
const controller = require('../controllers/items');

const router = new express.Router({ mergeParams: true });
router.get('/', controller.list);
router.get('/:id', asyncHandler(controller.show));
router.get('/:id/manual', (req, res, next) => res.sendFile(`/nonexistent/${req.params.id}.pdf`, (err) => next(err)));
module.exports = router;
