 SELECT users.id
   FROM users
  WHERE (((users.age > 1) AND ((users.status = 'a'::text) OR ((users.status = 'b'::text) AND ((users.score > (1)::numeric) OR (users.score < ('-1'::integer)::numeric))))) OR (users.id = 1));