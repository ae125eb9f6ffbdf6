 SELECT u.id,
    t.tag
   FROM users u,
    LATERAL unnest(u.tags) t(tag);