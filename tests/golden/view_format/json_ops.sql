 SELECT users.id,
    (users.data -> 'a'::text) AS a,
    (users.data ->> 'b'::text) AS b,
    (users.data #>> '{c,d}'::text[]) AS cd,
    (users.data @> '{"x": 1}'::jsonb) AS has_x,
    (users.data ? 'k'::text) AS has_k,
    (users.data #> '{e}'::text[]) AS e
   FROM users;