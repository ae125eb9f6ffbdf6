CREATE SEQUENCE "order_number_seq";
