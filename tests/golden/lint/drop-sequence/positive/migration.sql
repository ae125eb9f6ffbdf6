DROP SEQUENCE "order_number_seq";
