 SELECT e.id,
    m.email AS manager_email
   FROM (users e
     LEFT JOIN users m ON (((m.id = e.manager_id) AND (m.status = 'active'::text))));