const express = require('express');
const app = express();
const articles = express.Router();
function loadArticle(req, res, next, slug) { next(); }
function loadId(req, res, next, id) { next(); }
articles.param('article', loadArticle);
articles.get('/:article', (req, res) => res.json({}));
articles.get('/', (req, res) => res.json([]));
app.param('id', loadId);
app.get('/things/:id', (req, res) => res.json({}));
const other = express.Router();
other.get('/:id', (req, res) => res.json({}));
app.use('/articles', articles);
app.use('/other', other);
