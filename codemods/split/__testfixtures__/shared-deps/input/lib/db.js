const posts = [
  { slug: 'hello', title: 'Hello', tags: ['intro'] },
  { slug: 'split', title: 'Splitting a monolith', tags: ['carve', 'intro'] },
];

module.exports = {
  posts: {
    list: (limit) => posts.slice(0, limit),
    get: (slug) => posts.find((p) => p.slug === slug),
    tagged: (tag) => posts.filter((p) => p.tags.includes(tag)).map((p) => p.slug),
  },
};
