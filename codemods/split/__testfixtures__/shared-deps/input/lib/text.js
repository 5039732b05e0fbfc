exports.slugify = (text) => String(text).trim().toLowerCase().replace(/[^a-z0-9]+/g, '-');
