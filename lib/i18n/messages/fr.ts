import { pickFr } from './picking.fr';
import type { MessagesShape } from './shape';
import type { en } from './en';
import { inventoryFr } from './inventory.fr';
import { messagesFr } from './messages.fr';
import { ordersFr } from './orders.fr';
import { homeFr } from './home.fr';
import { storeSettingsFr } from './store-settings.fr';
import { pickupCounterFr } from './pickup-counter.fr';
import { pickupQueueFr } from './pickup-queue.fr';
import { customerSearchFr } from './customer-search.fr';
import { customerPrivacyFr } from './customer-privacy.fr';
import { customerProfileFr } from './customer-profile.fr';
import { customerDuplicatesFr } from './customer-duplicates.fr';
import { agentHomeFr } from './agent-home.fr';
import { trackFr } from './track.fr';
import { loyaltyFr } from './loyalty.fr';

/** The French catalogue: the shape of the English one, so a missing or extra key does not compile. */
export const fr = {
  app: {
    name: 'Comptoir',
    tagline: 'Back-office des magasins, des commandes et des clients',
  },
  common: {
    loading: 'Chargement…',
    close: 'Fermer',
    notifications: 'Notifications',
    cancel: 'Annuler',
    confirm: 'Confirmer',
    backToDashboard: 'Retour au tableau de bord',
    skipToContent: 'Aller au contenu',
  },
  nav: {
    label: 'Navigation principale',
    dashboard: 'Tableau de bord',
    inventory: 'Stocks',
    orders: 'Commandes',
    pickups: 'Click & collect',
    customers: 'Clients',
    kpis: 'Indicateurs',
    settings: 'Paramètres',
  },
  shell: {
    collapseSidebar: 'Réduire le menu',
    expandSidebar: 'Déplier le menu',
    loadingPage: 'Chargement de la page…',
  },
  live: {
    status: {
      connecting: 'Connexion…',
      live: 'En direct',
      reconnecting: 'Reconnexion…',
    },
  },
  roles: {
    owner: 'Propriétaire',
    manager: 'Responsable de magasin',
    agent: 'Service client',
  },
  userMenu: {
    trigger: 'Menu du compte',
    language: 'Langue',
    signOut: 'Se déconnecter',
  },
  locale: {
    label: 'Langue',
    en: 'English',
    fr: 'Français',
  },
  login: {
    metaTitle: 'Connexion',
    title: 'Se connecter à Comptoir',
    description: 'Utilisez votre compte collaborateur pour ouvrir le back-office.',
    email: 'E-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    errors: {
      invalidCredentials: 'E-mail ou mot de passe incorrect.',
      emailInvalid: 'Saisissez une adresse e-mail valide.',
      passwordRequired: 'Saisissez votre mot de passe.',
      unavailable: 'La connexion est indisponible pour le moment. Réessayez dans un instant.',
      throttledMoment: 'Trop de tentatives de connexion. Patientez un instant, puis réessayez.',
      throttledSeconds:
        'Trop de tentatives de connexion. Patientez {seconds, plural, one {# seconde} other {# secondes}}, puis réessayez.',
      throttledMinutes:
        'Trop de tentatives de connexion. Patientez {minutes, plural, one {une minute} other {# minutes}}, puis réessayez.',
    },
    noStaff: {
      title: 'Aucun compte collaborateur',
      description:
        'Personne ne peut encore se connecter à cette installation. Sur le serveur, créez le premier propriétaire avec cette commande, puis connectez-vous avec l’e-mail et le mot de passe qu’elle définit :',
    },
    demo: {
      title: 'Comptes de démonstration',
      description:
        'Tous les comptes de démonstration utilisent le mot de passe {password}. Choisissez un compte pour remplir le formulaire.',
    },
  },
  dashboard: {
    title: 'Tableau de bord',
    greeting: 'Bonjour, {name}',
    today: 'Nous sommes le {date}.',
    role: {
      owner: 'Vous voyez tous les magasins, canaux et paramètres.',
      manager: 'Vous gérez le stock, les commandes et les retraits de vos magasins.',
      agent: 'Vous aidez les clients, quel que soit le canal de leur achat.',
    },
    shortcuts: 'Par où commencer',
  },
  pickups: {
    title: 'Click & collect',
    description: 'La file des retraits : commandes à préparer, colis prêts, retraits et expirations.',
    placeholder: 'Cette section arrive avec la version consacrée au click & collect.',
    pick: pickFr,
  },
  kpis: {
    title: 'Indicateurs',
    description: 'Chiffre d’affaires, commandes et performance du click & collect par canal et par magasin.',
    placeholder: 'Cette section arrive avec la version consacrée aux indicateurs.',
  },
  settings: {
    title: 'Paramètres',
    description: 'Sites, canaux de vente et comptes collaborateurs.',
    placeholder: 'Cette section arrive avec la version consacrée aux paramètres.',
  },
  placeholder: {
    title: 'Pas encore disponible',
  },
  forbidden: {
    metaTitle: 'Accès refusé',
    title: 'Vous n’avez pas accès à cette page',
    description:
      'Votre rôle ne comprend pas cette section. Si vous en avez besoin, demandez-le au propriétaire du compte.',
  },
  notFound: {
    metaTitle: 'Page introuvable',
    title: 'Page introuvable',
    description: 'La page que vous cherchez n’existe pas ou a été déplacée.',
    back: 'Aller au tableau de bord',
  },
  error: {
    title: 'Un problème est survenu',
    description:
      'Cette page n’a pas pu être chargée. Réessayez ; si le problème persiste, prévenez votre administrateur.',
    reference: 'Référence : {digest}',
    retry: 'Réessayer',
  },
  errors: {
    forbidden: 'Vous n’êtes pas autorisé à faire cela.',
    validation: 'Certains champs sont à vérifier.',
    unexpected: 'Un problème est survenu. Veuillez réessayer.',
    out_of_stock_skus: 'Stock insuffisant pour {skus}.',
    unknown_skus: 'SKU inconnu : {skus}.',
    unprocessable_detail: 'Impossible avec ces informations : {message}',
    stock_conflict: 'Ce changement ferait passer le stock sous zéro ou sous la quantité réservée pour des commandes.',
    out_of_stock: 'Le stock est insuffisant.',
    illegal_transition: 'Ce n’est plus possible : le statut a changé. Rechargez la page.',
    not_found: 'Cet élément n’existe plus.',
    unavailable: 'Le système est occupé. Patientez un instant et réessayez.',
    conflict: 'Quelqu’un a modifié cet élément au même moment. Rechargez la page et réessayez.',
    unprocessable: 'Cette demande ne peut pas être traitée.',
    unauthenticated: 'Votre session a expiré. Veuillez vous reconnecter.',
  },
  ...inventoryFr,
  ...ordersFr,
  ...messagesFr,
  ...pickupQueueFr,
  ...homeFr,
  ...storeSettingsFr,
  ...pickupCounterFr,
  ...trackFr,
  ...customerSearchFr,
  ...customerPrivacyFr,
  ...customerProfileFr,
  ...loyaltyFr,
  ...customerDuplicatesFr,
  ...agentHomeFr,
} as const satisfies MessagesShape<typeof en>;
