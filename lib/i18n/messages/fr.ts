import type { Messages } from '../core';
import { inventoryFr } from './inventory.fr';
import { ordersFr } from './orders.fr';

/** French catalogue: typed against the English keys, so a missing or extra key does not compile. */
export const fr: Messages = {
  'app.name': 'Comptoir',
  'app.tagline': 'Back-office des magasins, des commandes et des clients',

  'common.loading': 'Chargement…',
  'common.close': 'Fermer',
  'common.notifications': 'Notifications',
  'common.cancel': 'Annuler',
  'common.confirm': 'Confirmer',
  'common.backToDashboard': 'Retour au tableau de bord',
  'common.skipToContent': 'Aller au contenu',

  'nav.label': 'Navigation principale',
  'nav.dashboard': 'Tableau de bord',
  'nav.inventory': 'Stocks',
  'nav.orders': 'Commandes',
  'nav.pickups': 'Click & collect',
  'nav.customers': 'Clients',
  'nav.kpis': 'Indicateurs',
  'nav.settings': 'Paramètres',

  'shell.collapseSidebar': 'Réduire le menu',
  'shell.expandSidebar': 'Déplier le menu',

  'roles.owner': 'Propriétaire',
  'roles.manager': 'Responsable de magasin',
  'roles.agent': 'Service client',

  'userMenu.trigger': 'Menu du compte',
  'userMenu.language': 'Langue',
  'userMenu.signOut': 'Se déconnecter',

  'locale.label': 'Langue',
  'locale.en': 'English',
  'locale.fr': 'Français',

  'login.metaTitle': 'Connexion',
  'login.title': 'Se connecter à Comptoir',
  'login.description': 'Utilisez votre compte collaborateur pour ouvrir le back-office.',
  'login.email': 'E-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.submitting': 'Connexion…',
  'login.errors.invalidCredentials': 'E-mail ou mot de passe incorrect.',
  'login.errors.emailInvalid': 'Saisissez une adresse e-mail valide.',
  'login.errors.passwordRequired': 'Saisissez votre mot de passe.',
  'login.errors.unavailable': 'La connexion est indisponible pour le moment. Réessayez dans un instant.',
  'login.errors.throttledMoment': 'Trop de tentatives de connexion. Patientez un instant, puis réessayez.',
  'login.errors.throttledSeconds': 'Trop de tentatives de connexion. Patientez {seconds} secondes, puis réessayez.',
  'login.errors.throttledMinute': 'Trop de tentatives de connexion. Patientez une minute, puis réessayez.',
  'login.errors.throttledMinutes': 'Trop de tentatives de connexion. Patientez {minutes} minutes, puis réessayez.',
  'login.noStaff.title': 'Aucun compte collaborateur',
  'login.noStaff.description':
    'Personne ne peut encore se connecter à cette installation. Sur le serveur, créez le premier propriétaire avec cette commande, puis connectez-vous avec l’e-mail et le mot de passe qu’elle définit :',
  'login.demo.title': 'Comptes de démonstration',
  'login.demo.description':
    'Tous les comptes de démonstration utilisent le mot de passe {password}. Choisissez un compte pour remplir le formulaire.',

  'dashboard.title': 'Tableau de bord',
  'dashboard.greeting': 'Bonjour, {name}',
  'dashboard.today': 'Nous sommes le {date}.',
  'dashboard.role.owner': 'Vous voyez tous les magasins, canaux et paramètres.',
  'dashboard.role.manager': 'Vous gérez le stock, les commandes et les retraits de vos magasins.',
  'dashboard.role.agent': 'Vous aidez les clients, quel que soit le canal de leur achat.',
  'dashboard.shortcuts': 'Par où commencer',

  'inventory.title': 'Stocks',
  'inventory.description': 'Stock physique, réservé et disponible à la vente, par magasin et entrepôt.',
  'inventory.placeholder': 'Cette section arrive avec la version consacrée aux stocks.',
  'orders.title': 'Commandes',
  'orders.description': 'Toutes les commandes de tous les canaux : site web, magasins, places de marché et téléphone.',
  'orders.placeholder': 'Cette section arrive avec la version consacrée aux commandes.',
  'pickups.title': 'Click & collect',
  'pickups.description': 'La file des retraits : commandes à préparer, colis prêts, retraits et expirations.',
  'pickups.placeholder': 'Cette section arrive avec la version consacrée au click & collect.',
  'customers.title': 'Clients',
  'customers.description': 'Une fiche par client, quel que soit le canal utilisé.',
  'customers.placeholder': 'Cette section arrive avec la version consacrée aux clients.',
  'kpis.title': 'Indicateurs',
  'kpis.description': 'Chiffre d’affaires, commandes et performance du click & collect par canal et par magasin.',
  'kpis.placeholder': 'Cette section arrive avec la version consacrée aux indicateurs.',
  'settings.title': 'Paramètres',
  'settings.description': 'Sites, canaux de vente et comptes collaborateurs.',
  'settings.placeholder': 'Cette section arrive avec la version consacrée aux paramètres.',

  'placeholder.title': 'Pas encore disponible',

  'forbidden.metaTitle': 'Accès refusé',
  'forbidden.title': 'Vous n’avez pas accès à cette page',
  'forbidden.description':
    'Votre rôle ne comprend pas cette section. Si vous en avez besoin, demandez-le au propriétaire du compte.',

  'notFound.metaTitle': 'Page introuvable',
  'notFound.title': 'Page introuvable',
  'notFound.description': 'La page que vous cherchez n’existe pas ou a été déplacée.',
  'notFound.back': 'Aller au tableau de bord',

  'error.title': 'Un problème est survenu',
  'error.description':
    'Cette page n’a pas pu être chargée. Réessayez ; si le problème persiste, prévenez votre administrateur.',
  'error.reference': 'Référence : {digest}',
  'error.retry': 'Réessayer',

  'errors.forbidden': 'Vous n’êtes pas autorisé à faire cela.',
  'errors.validation': 'Certains champs sont à vérifier.',
  'errors.unexpected': 'Un problème est survenu. Veuillez réessayer.',
  'errors.out_of_stock_skus': 'Stock insuffisant pour {skus}.',
  'errors.unknown_skus': 'SKU inconnu : {skus}.',
  'errors.unprocessable_detail': 'Impossible avec ces informations : {message}',

  ...inventoryFr,
  ...ordersFr,
};
