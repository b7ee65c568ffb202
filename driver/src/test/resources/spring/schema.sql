-- Run by Spring Boot's SQL initialization in SpringBootDataSourceTest (spring.sql.init.mode=always).
CREATE TABLE IF NOT EXISTS city (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(60) NOT NULL,
  country CHAR(2) NOT NULL,
  population INT UNSIGNED,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uk_city (name, country)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
