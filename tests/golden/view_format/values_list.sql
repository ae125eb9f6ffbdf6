 SELECT v.n,
    v.name
   FROM ( VALUES (1,'one'::text), (2,'two'::text), (3,'three'::text)) v(n, name);