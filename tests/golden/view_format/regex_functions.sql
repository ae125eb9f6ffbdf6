 SELECT users.id,
    regexp_replace(users.email, '@.*$'::text, ''::text) AS local_part,
    split_part(users.email, '@'::text, 2) AS domain,
    SUBSTRING(users.email FROM 1 FOR 3) AS prefix,
    POSITION(('@'::text) IN (users.email)) AS at
   FROM users;