-- Names the generated users draw from (ASCII, so that the SQL below normalizes them as Iris does).
CREATE TEMP TABLE first_name (n INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TEMP TABLE last_name (n INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO first_name SELECT ordinality - 1, name FROM unnest(ARRAY[
 'Aaron','Abigail','Adam','Adele','Adrian','Agnes','Ahmed','Aiko','Alain','Alba','Albert','Alice','Amara','Amir','Anna','Anton',
 'Arjun','Astrid','Aurora','Axel','Beatriz','Benoit','Bianca','Boris','Brigitte','Bruno','Camille','Carlos','Carmen','Chen','Chloe','Clara',
 'Claude','Daniel','Daria','David','Diego','Dmitri','Elena','Elias','Elif','Emil','Emma','Enzo','Erik','Esther','Fatima','Felix',
 'Fiona','Francesca','Gabriel','Georg','Giulia','Grace','Hana','Hannah','Hector','Helena','Hugo','Ingrid','Irene','Isaac','Ivan','Jakob',
 'Jana','Javier','Jean','Johan','Julia','Kai','Karin','Kenji','Laila','Lars','Laura','Leon','Lina','Lucas','Lucia','Luis',
 'Maja','Marco','Maria','Marta','Mateo','Mei','Mia','Milan','Mina','Nadia','Nils','Noah','Nora','Olga','Omar','Oscar',
 'Paula','Pedro','Petra','Pierre','Priya','Rafael','Rania','Rosa','Ruben','Sara','Sofia','Stefan','Tariq','Tomas','Ursula','Valentin',
 'Vera','Viktor','Yara','Yuki','Zara','Zoltan']) WITH ORDINALITY AS t(name, ordinality);
INSERT INTO last_name SELECT ordinality - 1, name FROM unnest(ARRAY[
 'Abbott','Acosta','Adler','Ahmadi','Albrecht','Alonso','Andersen','Arnaud','Bakker','Barbieri','Bauer','Becker','Berger','Bernard','Blanc','Bianchi',
 'Bjork','Blom','Bonnet','Brandt','Brown','Bruno','Castro','Chen','Costa','Dahl','Dubois','Duarte','Eriksson','Esposito','Fischer','Fontaine',
 'Fuchs','Garcia','Garnier','Gomez','Greco','Gross','Hansen','Hartmann','Herrera','Hofmann','Horvat','Huber','Ito','Jansen','Jensen','Johansson',
 'Kaiser','Keller','Kim','Klein','Koch','Kowalski','Kraus','Kumar','Lambert','Lang','Larsen','Laurent','Lehmann','Leone','Lopez','Lorenz',
 'Maier','Marino','Martin','Meyer','Moreau','Moreno','Muller','Nakamura','Nielsen','Novak','Olsen','Ortiz','Park','Perez','Petit','Peters',
 'Popescu','Ramos','Richter','Rossi','Roux','Ruiz','Russo','Sanchez','Sato','Schmid','Schneider','Schulz','Silva','Singh','Smith','Sorensen',
 'Suzuki','Tanaka','Torres','Vargas','Vogel','Wagner','Walter','Wang','Weber','Wolf','Yamamoto','Zhang','Ziegler','Zimmermann']) WITH ORDINALITY AS t(name, ordinality);
