 SELECT users.id,
        CASE
            WHEN (users.age < 18) THEN 'minor'::text
            WHEN (users.age < 65) THEN 'adult'::text
            ELSE 'senior'::text
        END AS age_group,
        CASE users.status
            WHEN 'a'::text THEN 1
            ELSE 0
        END AS is_a
   FROM users;