 SELECT users.id
   FROM users
  WHERE ((users.id = ANY (ARRAY[1, 2, 3])) AND (users.status <> ALL (ARRAY['x'::text, 'y'::text])) AND (users.tags && ARRAY['a'::text]) AND (users.tags <@ ARRAY['a'::text, 'b'::text]));