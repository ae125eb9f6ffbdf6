 SELECT (users.id)::bigint AS a,
    (users.id)::double precision AS b,
    (users.id)::numeric(10,2) AS c,
    (users.email)::character varying(50) AS d,
    (users.created_at)::timestamp without time zone AS e,
    (users.created_at)::time with time zone AS f,
    (users.tags)::text AS g
   FROM users;