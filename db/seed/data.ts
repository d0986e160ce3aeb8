/** French reference data the generators draw from. Brands are invented. */

export const FIRST_NAMES_F = [
  'Marie', 'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Laura',
  'Pauline', 'Anaïs', 'Clara', 'Lucie', 'Mathilde', 'Juliette', 'Charlotte', 'Élise', 'Océane', 'Margaux',
  'Sophie', 'Nathalie', 'Isabelle', 'Sandrine', 'Valérie', 'Céline', 'Stéphanie', 'Aurélie', 'Émilie', 'Hélène',
  'Catherine', 'Christine', 'Françoise', 'Monique', 'Sylvie', 'Agnès', 'Audrey', 'Mélanie', 'Zoé', 'Louise',
  'Jade', 'Alice', 'Lina', 'Rose', 'Anna', 'Yasmine', 'Nora', 'Fatima', 'Amandine', 'Gaëlle',
];

export const FIRST_NAMES_M = [
  'Thomas', 'Nicolas', 'Julien', 'Maxime', 'Alexandre', 'Antoine', 'Hugo', 'Lucas', 'Louis', 'Gabriel',
  'Arthur', 'Jules', 'Paul', 'Raphaël', 'Théo', 'Nathan', 'Clément', 'Romain', 'Quentin', 'Guillaume',
  'Pierre', 'Jean', 'Philippe', 'Michel', 'Laurent', 'Olivier', 'Christophe', 'Sébastien', 'Frédéric', 'Éric',
  'David', 'Stéphane', 'François', 'Benoît', 'Damien', 'Mathieu', 'Vincent', 'Adrien', 'Baptiste', 'Florian',
  'Karim', 'Mehdi', 'Yanis', 'Rayan', 'Noé', 'Léo', 'Victor', 'Martin', 'Samuel', 'Jérôme',
];

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
  'Haddad', 'Benali', 'Nguyen', 'Da Silva', 'Ferreira', 'Kowalski', 'Le Gall', 'Le Goff', 'Kerboul', 'Bensaïd',
];

export const EMAIL_DOMAINS = [
  'gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'hotmail.fr', 'yahoo.fr', 'sfr.fr', 'outlook.fr', 'icloud.com', 'wanadoo.fr',
];
export const EMAIL_DOMAIN_WEIGHTS = [34, 16, 10, 6, 9, 5, 5, 6, 5, 4];

/** Where customers live: city, postal code, and the demo store they would walk into. */
export const CUSTOMER_CITIES: readonly { city: string; postalCode: string; store: string; weight: number }[] = [
  { city: 'Paris', postalCode: '75011', store: 'PAR', weight: 10 },
  { city: 'Paris', postalCode: '75015', store: 'PAR', weight: 9 },
  { city: 'Paris', postalCode: '75018', store: 'PAR', weight: 7 },
  { city: 'Boulogne-Billancourt', postalCode: '92100', store: 'PAR', weight: 4 },
  { city: 'Montreuil', postalCode: '93100', store: 'PAR', weight: 3 },
  { city: 'Versailles', postalCode: '78000', store: 'PAR', weight: 3 },
  { city: 'Saint-Denis', postalCode: '93200', store: 'PAR', weight: 2 },
  { city: 'Lyon', postalCode: '69003', store: 'LYS', weight: 6 },
  { city: 'Lyon', postalCode: '69007', store: 'LYS', weight: 4 },
  { city: 'Villeurbanne', postalCode: '69100', store: 'LYS', weight: 3 },
  { city: 'Grenoble', postalCode: '38000', store: 'LYS', weight: 2 },
  { city: 'Marseille', postalCode: '13006', store: 'MRS', weight: 5 },
  { city: 'Marseille', postalCode: '13008', store: 'MRS', weight: 4 },
  { city: 'Aix-en-Provence', postalCode: '13100', store: 'MRS', weight: 3 },
  { city: 'Toulon', postalCode: '83000', store: 'MRS', weight: 2 },
  { city: 'Bordeaux', postalCode: '33000', store: 'BOD', weight: 5 },
  { city: 'Mérignac', postalCode: '33700', store: 'BOD', weight: 2 },
  { city: 'Pessac', postalCode: '33600', store: 'BOD', weight: 1 },
  { city: 'Lille', postalCode: '59000', store: 'LIL', weight: 4 },
  { city: 'Roubaix', postalCode: '59100', store: 'LIL', weight: 2 },
  { city: 'Villeneuve-d’Ascq', postalCode: '59650', store: 'LIL', weight: 2 },
  { city: 'Toulouse', postalCode: '31000', store: 'TLS', weight: 5 },
  { city: 'Blagnac', postalCode: '31700', store: 'TLS', weight: 1 },
  { city: 'Nantes', postalCode: '44000', store: 'NTE', weight: 4 },
  { city: 'Saint-Herblain', postalCode: '44800', store: 'NTE', weight: 1 },
  { city: 'Rennes', postalCode: '35000', store: 'NTE', weight: 3 },
  { city: 'Strasbourg', postalCode: '67000', store: 'SXB', weight: 4 },
  { city: 'Colmar', postalCode: '68000', store: 'SXB', weight: 1 },
  { city: 'Mulhouse', postalCode: '68100', store: 'SXB', weight: 1 },
  { city: 'Nice', postalCode: '06000', store: 'MRS', weight: 3 },
  { city: 'Montpellier', postalCode: '34000', store: 'TLS', weight: 3 },
  { city: 'Tours', postalCode: '37000', store: 'NTE', weight: 2 },
  { city: 'Dijon', postalCode: '21000', store: 'LYS', weight: 2 },
  { city: 'Reims', postalCode: '51100', store: 'LIL', weight: 2 },
  { city: 'Rouen', postalCode: '76000', store: 'PAR', weight: 2 },
  { city: 'Clermont-Ferrand', postalCode: '63000', store: 'LYS', weight: 1 },
  { city: 'Brest', postalCode: '29200', store: 'NTE', weight: 1 },
  { city: 'Orléans', postalCode: '45000', store: 'PAR', weight: 2 },
];

export const STREETS = [
  'rue de la République', 'avenue Jean-Jaurès', 'rue Victor-Hugo', 'boulevard Gambetta', 'rue Pasteur',
  'rue du Général-Leclerc', 'avenue de la Libération', 'rue des Lilas', 'rue de la Paix', 'place de la Mairie',
  'rue Émile-Zola', 'rue Voltaire', 'chemin des Vignes', 'allée des Tilleuls', 'rue du Moulin',
  'rue Jules-Ferry', 'avenue Foch', 'rue de la Gare', 'impasse des Peupliers', 'rue Nationale',
];

/** Extra store cities for the large data set (50 locations). */
export const MORE_CITIES = [
  'Nice', 'Montpellier', 'Rennes', 'Reims', 'Le Havre', 'Saint-Étienne', 'Toulon', 'Grenoble', 'Dijon', 'Angers',
  'Nîmes', 'Villeurbanne', 'Clermont-Ferrand', 'Le Mans', 'Aix-en-Provence', 'Brest', 'Tours', 'Amiens', 'Limoges',
  'Annecy', 'Perpignan', 'Boulogne-Billancourt', 'Metz', 'Besançon', 'Orléans', 'Rouen', 'Mulhouse', 'Caen',
  'Nancy', 'Argenteuil', 'Montreuil', 'Saint-Denis', 'Roubaix', 'Tourcoing', 'Avignon', 'Poitiers', 'Pau',
  'La Rochelle', 'Versailles', 'Bayonne', 'Colmar',
];

export type ItemTemplate = {
  noun: string;
  /** Words that follow the model name and agree with the noun: "Robe Lucie en lin". */
  qualifiers: readonly string[];
  /** Size sets for this item; default: the category's. */
  sizeSets?: readonly (readonly string[])[];
  /** Whether the item comes in colours (default true). */
  coloured?: boolean;
  /** Price range in euros; default: the category's. */
  price?: readonly [number, number];
  /** Brands that make this item; default: the category's. */
  brands?: readonly string[];
};

export type CategoryTemplate = {
  /** Short code used in SKUs. */
  code: string;
  category: string;
  /** Share of the catalogue. */
  weight: number;
  brands: readonly string[];
  items: readonly ItemTemplate[];
  /** Each product takes 1..maxColours of these. */
  colours: readonly string[];
  maxColours: number;
  /** Default size sets; a product takes one set (or a slice of it). */
  sizeSets: readonly (readonly string[])[];
  /** Price range in euros. */
  price: readonly [number, number];
  /** Listed on the fashion marketplace. */
  fashion: boolean;
};

const APPAREL_COLOURS = ['Bleu marine', 'Écru', 'Noir', 'Gris chiné', 'Rouge brique', 'Vert sauge', 'Camel', 'Rose poudré', 'Blanc', 'Kaki', 'Bordeaux', 'Bleu ciel'];
const F = (noun: string, price: readonly [number, number], ...qualifiers: string[]): ItemTemplate => ({ noun, price, qualifiers });

export const CATEGORIES: readonly CategoryTemplate[] = [
  {
    code: 'VF', category: 'Vêtements femme', weight: 22, fashion: true,
    brands: ['Maison Lumière', 'Atelier Garonne', 'Rive Gauche Studio', 'Comptoir Basique', 'Les Tisseurs'],
    items: [
      F('Robe', [39, 149], 'en lin', 'fleurie', 'portefeuille', 'en viscose', 'chemise', 'en maille côtelée'),
      F('Chemisier', [29, 119], 'en soie', 'à col lavallière', 'en viscose', 'à pois', 'en voile de coton'),
      F('Pull', [39, 169], 'en laine mérinos', 'col V', 'en cachemire', 'torsadé', 'col roulé'),
      F('Jean', [39, 99], 'droit', 'flare', 'mom', 'slim', 'taille haute'),
      F('Jupe', [29, 89], 'plissée', 'en jean', 'midi', 'portefeuille', 'en velours côtelé'),
      F('Trench', [89, 229], 'en gabardine', 'court', 'oversize'),
      F('Cardigan', [39, 149], 'en laine mérinos', 'en maille côtelée', 'court', 'en cachemire'),
      F('T-shirt', [12, 35], 'en coton bio', 'rayé', 'col V', 'oversize'),
      F('Blouse', [29, 89], 'brodée', 'en lin', 'fleurie', 'à volants'),
      F('Pantalon', [39, 119], 'large', 'à pinces', 'en lin', 'cigarette', 'en velours côtelé'),
      F('Veste', [69, 199], 'en tweed', 'en jean', 'de tailleur', 'matelassée'),
      F('Marinière', [29, 65], 'en coton bio', 'à boutons', 'classique'),
    ],
    colours: APPAREL_COLOURS, maxColours: 2,
    sizeSets: [['XS', 'S', 'M', 'L', 'XL'], ['34', '36', '38', '40', '42', '44']],
    price: [19, 169],
  },
  {
    code: 'VH', category: 'Vêtements homme', weight: 18, fashion: true,
    brands: ['Bleu de Loire', 'Comptoir Basique', 'Atelier Garonne', 'Monsieur Léon', 'Les Tisseurs'],
    items: [
      F('Chemise', [35, 99], 'Oxford', 'en lin', 'en flanelle', 'à carreaux', 'en denim', 'col officier'),
      F('Pull', [39, 169], 'col rond', 'en laine d’agneau', 'camionneur', 'en cachemire', 'torsadé'),
      F('Chino', [45, 95], 'slim', 'droit', 'en coton stretch'),
      F('Jean', [45, 110], 'brut', 'droit', 'slim', 'délavé'),
      F('Veste', [79, 229], 'de travail', 'en velours côtelé', 'matelassée', 'en laine'),
      F('Polo', [29, 79], 'en piqué', 'à manches longues', 'en coton bio'),
      F('T-shirt', [12, 35], 'en coton bio', 'col rond', 'à poche', 'rayé'),
      F('Sweat', [39, 89], 'à capuche', 'col rond', 'zippé'),
      F('Parka', [99, 249], 'imperméable', 'à capuche', 'doublée'),
      F('Surchemise', [59, 139], 'en laine', 'à carreaux', 'en velours côtelé'),
      F('Gilet', [39, 119], 'sans manches', 'en laine', 'matelassé'),
      F('Short', [25, 59], 'en lin', 'chino', 'de bain'),
    ],
    colours: APPAREL_COLOURS, maxColours: 2,
    sizeSets: [['S', 'M', 'L', 'XL', 'XXL'], ['38', '40', '42', '44', '46']],
    price: [22, 189],
  },
  {
    code: 'CH', category: 'Chaussures', weight: 14, fashion: true,
    brands: ['Sabots & Cie', 'Pas de Côté', 'Cordonnerie Vidal'],
    items: [
      { ...F('Baskets', [49, 149], 'en cuir', 'en toile', 'montantes', 'vegan', 'en daim'), brands: ['Basket Club', 'Pas de Côté'] },
      F('Bottines', [79, 199], 'en cuir', 'en daim', 'à lacets', 'fourrées', 'Chelsea'),
      F('Mocassins', [69, 179], 'en cuir', 'en daim', 'à pampilles'),
      F('Escarpins', [69, 189], 'en cuir verni', 'en daim', 'à bride'),
      F('Sandales', [35, 119], 'en cuir', 'compensées', 'à boucle', 'tressées'),
      F('Derbies', [79, 199], 'en cuir', 'en cuir grainé', 'à semelle crantée'),
      F('Espadrilles', [25, 59], 'en toile', 'compensées', 'à lacets'),
      F('Chaussons', [19, 45], 'en laine bouillie', 'fourrés', 'en feutre'),
      F('Boots', [99, 229], 'en cuir', 'de randonnée', 'à semelle crantée'),
      F('Ballerines', [49, 139], 'en cuir', 'en cuir verni', 'à bride'),
    ],
    colours: ['Noir', 'Camel', 'Blanc', 'Cognac', 'Bleu marine', 'Beige', 'Gris'], maxColours: 1,
    sizeSets: [['36', '37', '38', '39', '40', '41'], ['40', '41', '42', '43', '44', '45'], ['37', '38', '39', '40', '41', '42', '43']],
    price: [29, 229],
  },
  {
    code: 'MA', category: 'Maison', weight: 20, fashion: false,
    brands: ['Jardin d’Ambre', 'Céramiques de Vallauris', 'Linge de Provence', 'Maison Lumière', 'Atelier du Lin'],
    items: [
      { noun: 'Plaid', price: [39, 129], brands: ['Linge de Provence', 'Atelier du Lin'], qualifiers: ['en laine', 'en coton gaufré', 'à carreaux', 'en mohair'], sizeSets: [['130 × 170'], ['130 × 170', '180 × 220']] },
      { noun: 'Bougie parfumée', price: [19, 45], brands: ['Jardin d’Ambre'], qualifiers: ['figue et cèdre', 'fleur d’oranger', 'lavande', 'ambre', 'bois de santal'], sizeSets: [['180 g'], ['180 g', '400 g']], coloured: false },
      { noun: 'Housse de coussin', price: [19, 49], brands: ['Linge de Provence', 'Atelier du Lin'], qualifiers: ['en lin lavé', 'à motifs', 'en velours', 'brodée'], sizeSets: [['40 × 40', '50 × 50'], ['45 × 45']] },
      { noun: 'Vase', price: [25, 89], brands: ['Céramiques de Vallauris', 'Maison Lumière'], qualifiers: ['en grès', 'en verre soufflé', 'émaillé', 'en terre cuite'], sizeSets: [['Taille unique'], ['Petit', 'Grand']] },
      { noun: 'Parure de lit', price: [69, 189], brands: ['Linge de Provence', 'Atelier du Lin'], qualifiers: ['en lin lavé', 'en percale de coton', 'en gaze de coton', 'à rayures'], sizeSets: [['140 × 200', '240 × 220', '260 × 240']] },
      { noun: 'Tasse', price: [9, 22], brands: ['Céramiques de Vallauris'], qualifiers: ['en grès', 'en porcelaine', 'émaillée', 'à motifs'], sizeSets: [['25 cl'], ['25 cl', '40 cl']] },
      { noun: 'Carafe', price: [19, 45], brands: ['Maison Lumière'], qualifiers: ['en verre soufflé', 'en verre recyclé', 'striée'], sizeSets: [['1 L']] },
      { noun: 'Nappe', price: [39, 99], brands: ['Linge de Provence', 'Atelier du Lin'], qualifiers: ['en lin lavé', 'enduite', 'à motifs provençaux', 'en coton'], sizeSets: [['150 × 250', '150 × 300']] },
      { noun: 'Torchon', price: [6, 15], brands: ['Linge de Provence', 'Atelier du Lin'], qualifiers: ['en lin', 'en coton', 'à rayures', 'nid d’abeille'], sizeSets: [['50 × 70']] },
      { noun: 'Plateau', price: [25, 79], brands: ['Maison Lumière'], qualifiers: ['en chêne', 'en rotin', 'laqué', 'en bois d’olivier'], sizeSets: [['Taille unique']] },
      { noun: 'Saladier', price: [25, 69], brands: ['Céramiques de Vallauris', 'Maison Lumière'], qualifiers: ['en grès', 'en bois d’olivier', 'en porcelaine', 'émaillé'], sizeSets: [['Taille unique']] },
      { noun: 'Diffuseur', price: [25, 49], brands: ['Jardin d’Ambre'], qualifiers: ['figue et cèdre', 'fleur d’oranger', 'lavande', 'thé blanc'], sizeSets: [['100 ml', '200 ml']], coloured: false },
    ],
    colours: ['Blanc', 'Terracotta', 'Vert olive', 'Bleu canard', 'Moutarde', 'Naturel', 'Gris perle'], maxColours: 3,
    sizeSets: [['Taille unique']],
    price: [6, 149],
  },
  {
    code: 'BE', category: 'Beauté', weight: 15, fashion: false,
    brands: ['Savonnerie du Midi', 'Herbier de Grasse', 'Eaux de Mistral', 'Rivage Cosmétiques'],
    items: [
      { noun: 'Crème hydratante', price: [15, 45], qualifiers: ['à l’argan', 'au karité', 'à l’aloe vera', 'à l’eau de rose'], sizeSets: [['50 ml']], coloured: false },
      { noun: 'Eau de parfum', price: [39, 89], qualifiers: ['néroli', 'vétiver', 'ambre', 'rose de Grasse', 'fleur de coton', 'figue'], sizeSets: [['30 ml', '50 ml', '100 ml']], coloured: false },
      { noun: 'Rouge à lèvres', price: [15, 32], qualifiers: ['mat', 'satiné', 'longue tenue'], sizeSets: [['Taille unique']] },
      { noun: 'Savon', price: [5, 12], qualifiers: ['à l’huile d’olive', 'au lait d’ânesse', 'verveine', 'lavande', 'de Marseille'], sizeSets: [['100 g', '250 g']], coloured: false },
      { noun: 'Huile sèche', price: [19, 39], qualifiers: ['monoï', 'à l’immortelle', 'pailletée', 'fleur d’oranger'], sizeSets: [['100 ml']], coloured: false },
      { noun: 'Shampooing', price: [8, 19], qualifiers: ['doux', 'à l’ortie', 'au miel', 'solide'], sizeSets: [['200 ml', '400 ml']], coloured: false },
      { noun: 'Gel douche', price: [6, 15], qualifiers: ['verveine', 'fleur de coton', 'amande douce', 'agrumes'], sizeSets: [['250 ml', '500 ml']], coloured: false },
      { noun: 'Sérum', price: [25, 59], qualifiers: ['à la vitamine C', 'à l’acide hyaluronique', 'au bakuchiol'], sizeSets: [['30 ml']], coloured: false },
      { noun: 'Baume à lèvres', price: [5, 12], qualifiers: ['au karité', 'à la cire d’abeille', 'teinté'], sizeSets: [['Taille unique']], coloured: false },
      { noun: 'Lait corps', price: [12, 29], qualifiers: ['à l’amande douce', 'au lait d’ânesse', 'néroli'], sizeSets: [['200 ml', '400 ml']], coloured: false },
      { noun: 'Eau de toilette', price: [29, 69], qualifiers: ['vétiver', 'agrumes', 'lavande', 'bois flotté'], sizeSets: [['50 ml', '100 ml']], coloured: false },
      { noun: 'Masque', price: [12, 29], qualifiers: ['à l’argile verte', 'au miel', 'hydratant'], sizeSets: [['75 ml']], coloured: false },
    ],
    colours: ['Nude', 'Rouge cerise', 'Corail', 'Framboise'], maxColours: 2,
    sizeSets: [['Taille unique']],
    price: [5, 119],
  },
  {
    code: 'AC', category: 'Accessoires', weight: 11, fashion: true,
    brands: ['Maroquinerie Aubert', 'Rive Gauche Studio', 'Chapellerie Roux', 'Comptoir Basique'],
    items: [
      F('Sac cabas', [39, 249], 'en cuir grainé', 'en toile enduite', 'tressé'),
      { noun: 'Écharpe', price: [29, 149], qualifiers: ['en cachemire', 'en laine', 'à franges', 'réversible'], sizeSets: [['Taille unique']] },
      { noun: 'Ceinture', price: [29, 89], qualifiers: ['en cuir lisse', 'en cuir grainé', 'tressée', 'réversible'], sizeSets: [['85', '90', '95', '100']] },
      { noun: 'Casquette', price: [19, 39], qualifiers: ['en coton', 'en laine', 'brodée'], sizeSets: [['Taille unique']] },
      { noun: 'Portefeuille', price: [39, 119], qualifiers: ['en cuir lisse', 'en cuir grainé', 'zippé'], sizeSets: [['Taille unique']] },
      { noun: 'Bonnet', price: [15, 69], qualifiers: ['en laine', 'en cachemire', 'côtelé', 'à revers'], sizeSets: [['Taille unique']] },
      { noun: 'Foulard', price: [25, 99], qualifiers: ['en soie', 'imprimé', 'en coton'], sizeSets: [['Taille unique']] },
      { noun: 'Sac à dos', price: [59, 189], qualifiers: ['en toile enduite', 'en cuir', 'zippé'], sizeSets: [['Taille unique']] },
      { noun: 'Gants', price: [25, 79], qualifiers: ['en cuir', 'en laine', 'tactiles'], sizeSets: [['S', 'M', 'L']] },
      { noun: 'Porte-cartes', price: [19, 49], qualifiers: ['en cuir lisse', 'en cuir grainé'], sizeSets: [['Taille unique']] },
      { noun: 'Chapeau', price: [29, 89], qualifiers: ['de paille', 'en feutre', 'bob'], sizeSets: [['S', 'M', 'L']] },
      { noun: 'Pochette', price: [29, 99], qualifiers: ['en cuir', 'brodée', 'en velours'], sizeSets: [['Taille unique']] },
    ],
    colours: ['Noir', 'Camel', 'Cognac', 'Bleu marine', 'Bordeaux', 'Gris'], maxColours: 2,
    sizeSets: [['Taille unique']],
    price: [12, 249],
  },
];

/** Model names that make product names distinct: "Robe Lucie en lin". */
export const MODEL_NAMES = [
  'Lucie', 'Anatole', 'Capucine', 'Gaspard', 'Honorine', 'Marius', 'Suzanne', 'Félix', 'Albane', 'Octave',
  'Colette', 'Léon', 'Simone', 'Achille', 'Joséphine', 'Basile', 'Margot', 'Émile', 'Adèle', 'Augustin',
  'Bretagne', 'Camargue', 'Ouessant', 'Biarritz', 'Étretat', 'Luberon', 'Vercors', 'Cassis', 'Deauville', 'Riviera',
  'Montmartre', 'Belleville', 'Saint-Malo', 'Arcachon', 'Gordes', 'Chamonix', 'Honfleur', 'Collioure', 'Porquerolles', 'Annecy',
];

export const NOTE_BODIES = [
  'Cliente fidèle, préfère être contactée par SMS.',
  'A signalé un colis abîmé à la livraison ; geste commercial de 10 € accordé.',
  'Demande à ne plus recevoir de catalogue papier.',
  'Retrait en magasin habituel à Paris Rivoli, passe le samedi matin.',
  'Appel au sujet d’un remboursement en attente : transmis à la comptabilité.',
  'Taille habituellement un cran au-dessus dans la marque Atelier Garonne.',
  'Souhaite être prévenu(e) du retour en stock des Bottines Colette en 38.',
  'Client professionnel (décoration de boutique), commandes groupées possibles.',
  'Adresse de livraison mise à jour par téléphone.',
  'Réclamation sur un retard de livraison Colissimo, suivi relancé.',
  'A deux comptes (ancienne adresse e-mail) : à fusionner.',
  'Allergie déclarée aux parfums : ne pas proposer d’échantillons.',
];

export const CANCEL_REASONS = ['Annulée à la demande du client', 'Paiement refusé', 'Rupture chez le fournisseur', 'Adresse de livraison invalide'];
export const RETURN_REASONS = ['Taille trop petite', 'Taille trop grande', 'Ne convient pas', 'Article défectueux', 'Couleur différente de la photo'];
export const CARRIERS = ['Colissimo', 'Chronopost', 'Mondial Relay', 'DPD'];
