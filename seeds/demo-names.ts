/**
 * Name pools for the demo seed: common given names and family names from several cultures, including
 * apostrophes (O'Neil) and accents (Zoë, Müller) so filters, ordering and case-folding meet real data.
 * Pure data; order matters (the seeded PRNG indexes into these arrays), so only append.
 */

export const FIRST_NAMES: readonly string[] = [
  // English-speaking
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
  'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra',
  'Emily', 'Olivia', 'Liam', 'Noah', 'Emma', 'Ava', 'Sophia', 'Isabella', 'Mason', 'Ethan',
  'Grace', 'Hannah', 'Jack', 'Ruby', 'Oscar', 'Freya', 'Harry', 'Poppy', 'Aiden', 'Siobhan',
  // French, Spanish, Portuguese, Italian
  'Zoë', 'Chloé', 'Renée', 'Hélène', 'François', 'Amélie', 'Léa', 'Mathéo', 'Noémie', 'Jérôme',
  'José', 'María', 'Lucía', 'Sofía', 'Alejandro', 'Andrés', 'Inés', 'Martín', 'Ramón', 'Pilar',
  'João', 'Ana', 'Gonçalo', 'Beatriz', 'Tiago', 'Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara',
  // German, Nordic, Slavic, Greek
  'Jürgen', 'Günter', 'Lena', 'Lukas', 'Anja', 'Björn', 'Søren', 'Åsa', 'Ingrid', 'Astrid',
  'Mikael', 'Sigrid', 'Łukasz', 'Małgorzata', 'Piotr', 'Agnieszka', 'Jiří', 'Tereza', 'Dmitri', 'Olga',
  'Nikolaos', 'Eleni', 'Dimitra', 'Yannis',
  // Irish, Welsh, Scottish
  'Niamh', 'Aoife', 'Ciarán', 'Seán', 'Róisín', 'Dylan', 'Rhys', 'Eilidh', 'Callum', 'Mairéad',
  // Arabic, Turkish, Persian, Hebrew
  'Mohammed', 'Fatima', 'Omar', 'Aisha', 'Yusuf', 'Layla', 'Hassan', 'Mariam', 'Emre', 'Ayşe',
  'Mehmet', 'Zeynep', 'Darius', 'Shirin', 'Yael', 'Noam', 'Tamar', 'Avi',
  // South Asian
  'Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Kavya', 'Arjun', 'Deepika', 'Sanjay', 'Lakshmi',
  // East and South-East Asian
  'Wei', 'Mei', 'Jun', 'Xiu', 'Hiroshi', 'Yuki', 'Haruto', 'Sakura', 'Min-jun', 'Seo-yeon',
  'Ji-ho', 'Thanh', 'Linh', 'Minh', 'Siti', 'Putri', 'Nurul', 'Arif',
  // African
  'Chinedu', 'Ngozi', 'Kwame', 'Ama', 'Thabo', 'Naledi', 'Amara', 'Oluwaseun', 'Wanjiru', 'Kofi',
  // Latin American, Pacific
  'Valentina', 'Camila', 'Mateo', 'Santiago', 'Ximena', 'Joaquín', 'Aroha', 'Tane', 'Mele', 'Keanu',
];

export const LAST_NAMES: readonly string[] = [
  // English-speaking
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Jackson', 'White', 'Harris', 'Martin', 'Thompson', 'Clark', 'Lewis', 'Walker',
  'Hall', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson',
  'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins',
  // Irish and Scottish (apostrophes, Mc/Mac)
  "O'Neil", "O'Brien", "O'Connor", "O'Sullivan", "O'Reilly", 'Murphy', 'Kelly', 'McCarthy', 'MacDonald', 'McKenzie',
  // French, Italian (apostrophes, particles)
  "D'Angelo", "D'Amico", 'Dubois', 'Lefèvre', 'Girard', 'Moreau', 'Rossi', 'Russo', 'Bianchi', 'Esposito',
  'de la Cruz', 'Benoît', 'Châtelet', 'Fontaine',
  // Spanish, Portuguese
  'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Núñez',
  'Silva', 'Santos', 'Oliveira', 'Gonçalves', 'Conceição', 'Araújo',
  // German, Nordic, Dutch
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weiß', 'Köhler', 'Schäfer', 'Becker', 'Hoffmann', 'Jäger',
  'Andersson', 'Johansson', 'Nyström', 'Løvland', 'Sørensen', 'Lindqvist', 'van der Berg', 'de Vries', 'Jansen', 'Bakker',
  // Slavic, Greek, Hungarian
  'Kowalski', 'Nowak', 'Wiśniewski', 'Dvořák', 'Novák', 'Ivanov', 'Petrov', 'Horváth', 'Nagy', 'Papadopoulos',
  // Arabic, Turkish, Persian, Hebrew
  'Haddad', 'Khalil', 'Al-Sayed', 'Mansour', 'Yılmaz', 'Kaya', 'Öztürk', 'Hosseini', 'Rahimi', 'Cohen',
  'Levi', 'Mizrahi',
  // South Asian
  'Patel', 'Sharma', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Chatterjee', 'Desai',
  // East and South-East Asian
  'Wang', 'Li', 'Zhang', 'Chen', 'Liu', 'Tanaka', 'Suzuki', 'Takahashi', 'Watanabe', 'Kim',
  'Park', 'Lee', 'Choi', 'Nguyễn', 'Trần', 'Phạm', 'Santoso', 'Wijaya', 'Reyes', 'Bautista',
  // African
  'Okafor', 'Adeyemi', 'Mensah', 'Boateng', 'Dlamini', 'Nkosi', 'Kamau', 'Otieno', 'Diallo', 'Traoré',
  // Pacific
  'Ngata', 'Tupou', 'Kahananui',
];

/** Given names used alone (no family name): these users get a NULL LastName. */
export const MONONYMS: readonly string[] = ['Sukarno', 'Teddy', 'Prasetyo', 'Bayu', 'Aung', 'Indra'];
