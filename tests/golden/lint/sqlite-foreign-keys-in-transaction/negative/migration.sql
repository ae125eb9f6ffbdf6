PRAGMA foreign_keys=OFF;
BEGIN;
COMMIT;
PRAGMA foreign_keys=ON;
