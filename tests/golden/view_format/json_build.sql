 SELECT users.id,
    jsonb_build_object('id', users.id, 'email', users.email, 'status', users.status) AS obj,
    json_agg(users.tags) AS all_tags
   FROM users
  GROUP BY users.id;