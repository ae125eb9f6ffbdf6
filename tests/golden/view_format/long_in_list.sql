 SELECT users.id
   FROM users
  WHERE (users.status = ANY (ARRAY['active'::text, 'pending'::text, 'suspended'::text, 'deleted'::text, 'archived'::text, 'invited'::text, 'blocked'::text]));