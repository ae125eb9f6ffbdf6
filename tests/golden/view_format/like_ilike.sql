 SELECT users.id
   FROM users
  WHERE ((users.email ~~ '%@example.com'::text) OR (users.email ~~* 'ADMIN%'::text) OR (users.email !~~ 'x%'::text) OR (users.email !~~* '%y'::text) OR (users.email ~ '^a'::text) OR (users.email ~* 'b$'::text) OR (users.email ~ similar_to_escape('c%'::text)));