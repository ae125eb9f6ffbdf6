 SELECT users.id
   FROM users
  WHERE ((users.age >= 18) AND (users.age <= 65) AND (users.age <> 30) AND (users.email IS NOT NULL) AND (users.status !~ 'z'::text) AND (users.email !~~* 'q%'::text));