BEGIN;
PRAGMA foreign_keys=OFF;
COMMIT;
