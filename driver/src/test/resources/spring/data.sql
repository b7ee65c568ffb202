INSERT INTO city (name, country, population) VALUES ('Lisboa', 'PT', 545923), ('Porto', 'PT', 231800);
INSERT INTO city (name, country, population) VALUES ('Lisboa', 'PT', 0) ON DUPLICATE KEY UPDATE population = population + 1;
