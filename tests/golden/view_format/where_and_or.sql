 SELECT users.id
   FROM users
  WHERE (((users.status = 'active'::text) AND (users.age > 18)) OR ((users.status = 'pending'::text) AND (users.age IS NOT NULL) AND (users.email <> ''::text)));