import { CONFIRM_VALID_HOURS } from "@/lib/subscriptions/subscriptions";
import type { Metadata } from "next";
import { PROPOSAL_RETENTION_MONTHS } from "@/lib/proposals/retention";

export const metadata: Metadata = { title: "Données personnelles" };

export default function PersonalDataPage() {
  return (
    <div className="container prose">
      <h1>Données personnelles</h1>
      <h2>Consultation du site</h2>
      <p>
        La consultation de Repères ne demande aucun compte. Le site ne dépose aucun cookie de mesure d&apos;audience ni de publicité, et
        n&apos;utilise aucun service tiers pour afficher ses pages.
      </p>
      <h2 id="recherches">Recherches</h2>
      <p>
        Pour savoir quels contenus chercher ensuite, l&apos;équipe éditoriale compte, mois par mois, les recherches faites sur les pages
        Initiatives et Recherche : les mots saisis (sans accents ni majuscules), les filtres choisis et si la recherche a trouvé aucun, peu
        ou beaucoup de résultats. Rien ne relie ces chiffres à un visiteur : ni adresse IP, ni navigateur, ni session, ni date plus précise
        que le mois. Les mots saisis pouvant contenir un nom, ceux qui ressemblent à une adresse électronique ou à un numéro de téléphone ne
        sont pas enregistrés ; évitez d&apos;écrire des informations personnelles dans les recherches. Ces chiffres sont conservés 24 mois.
      </p>
      <h2 id="personnes-a-contacter">Personnes à contacter (acteurs et initiatives)</h2>
      <p>
        Pour qu&apos;un professionnel sache qui appeler, une fiche d&apos;acteur ou d&apos;initiative peut indiquer une personne à
        contacter. Ce qui est conservé :
      </p>
      <ul>
        <li>son nom, sa fonction, son adresse électronique et son téléphone professionnels ;</li>
        <li>
          si elle a accepté d&apos;être affichée publiquement et, pour les acteurs, la date de cet accord et le membre de l&apos;équipe qui
          l&apos;a enregistré.
        </li>
      </ul>
      <p>
        <strong>Pourquoi et sur quelle base :</strong> permettre aux professionnels de la politique de la ville de joindre leurs pairs et
        les structures qui agissent contre les discriminations (mission d&apos;intérêt public de l&apos;IREV). La publication repose sur
        l&apos;accord de la personne : sans accord enregistré, ces informations restent visibles de la seule équipe éditoriale et
        n&apos;apparaissent nulle part en public, ni sur les pages, ni dans l&apos;API, les exports, les flux ou les fiches PDF. Avec son
        accord, elles figurent sur la fiche, dans l&apos;API et dans les exports ; elles ne sont jamais mises dans les données structurées
        destinées aux moteurs de recherche.
      </p>
      <p>
        <strong>Durée :</strong> tant que la fiche est publiée et que l&apos;accord n&apos;est pas retiré. Quand l&apos;accord est retiré,
        la personne disparaît aussitôt de toutes les sorties publiques et la date de l&apos;accord est effacée ; les versions précédentes de
        la fiche restent dans l&apos;historique réservé à l&apos;équipe éditoriale.
      </p>
      <p>
        <strong>Demander la modification ou le retrait :</strong> écrivez à l&apos;IREV (
        <a href="mailto:contact@irev.fr">contact@irev.fr</a>) en indiquant la fiche concernée.
      </p>
      <p>
        Les coordonnées d&apos;une structure (adresse, standard, adresse électronique générique, site web) ne sont pas des données
        personnelles et sont publiées avec sa fiche.
      </p>
      <h2 id="propositions">Propositions et signalements envoyés depuis le site</h2>
      <p>Quand vous proposez une initiative ou signalez une correction, sans compte, l&apos;IREV conserve ce que vous avez écrit et :</p>
      <ul>
        <li>votre nom, votre adresse électronique et, si vous l&apos;indiquez, votre fonction ou votre structure ;</li>
        <li>
          vos accords, chacun avec sa date : être contacté·e par l&apos;IREV au sujet de votre envoi, et (pour une initiative) être
          indiqué·e comme contact public de la fiche si elle est publiée ;
        </li>
        <li>la décision de l&apos;équipe, sa date et son message.</li>
      </ul>
      <p>
        Votre adresse IP n&apos;est pas enregistrée avec votre envoi : elle sert seulement à limiter le nombre de messages qu&apos;une même
        adresse peut envoyer, dans un compteur technique, effacé au premier nettoyage après une heure sans envoi.
      </p>
      <p>
        <strong>Pourquoi et sur quelle base :</strong> enrichir Repères avec ce que connaissent les professionnels du terrain (mission
        d&apos;intérêt public de l&apos;IREV) : l&apos;équipe éditoriale lit votre envoi, vous répond, et peut vous recontacter si vous
        l&apos;avez accepté. Rien de ce que vous envoyez n&apos;est publié avant d&apos;avoir été relu et accepté ; vos coordonnées ne
        figurent sur une fiche publiée que si vous avez coché l&apos;accord correspondant, et suivent alors la règle des personnes à
        contacter ci-dessus.
      </p>
      <p>
        <strong>Qui y a accès :</strong> les éditeurs et administrateurs de Repères (IREV).
      </p>
      <p>
        <strong>Durée :</strong> jusqu&apos;à la décision de l&apos;équipe, puis {PROPOSAL_RETENTION_MONTHS} mois ; l&apos;envoi et vos
        données sont alors supprimés. Une initiative créée à partir de votre proposition reste, elle, dans Repères comme toute fiche.
      </p>

      <h2 id="abonnements">Sélections suivies par e-mail</h2>
      <p>
        Quand vous suivez une sélection (« Suivre cette sélection par e-mail »), sans compte, l&apos;IREV conserve votre adresse
        électronique, la liste et les filtres suivis, la date de la demande, celle de sa confirmation et celle du dernier envoi.
      </p>
      <p>
        <strong>Pourquoi et sur quelle base :</strong> vous envoyer, à votre demande (consentement confirmé par le lien du premier message),
        une lettre hebdomadaire des fiches publiées ou mises à jour dans cette sélection. L&apos;adresse ne sert à rien d&apos;autre. Votre
        adresse IP n&apos;est pas enregistrée avec la demande : elle sert seulement à limiter le nombre de demandes, dans un compteur
        technique effacé au premier nettoyage après une heure sans demande.
      </p>
      <p>
        <strong>Qui y a accès :</strong> les administrateurs de Repères (IREV), pour répondre à une demande d&apos;accès ou
        d&apos;effacement.
      </p>
      <p>
        <strong>Durée :</strong> une demande non confirmée est supprimée après {CONFIRM_VALID_HOURS} heures ; un abonnement confirmé est
        conservé jusqu&apos;à votre désabonnement, possible en un clic depuis chaque message : l&apos;abonnement et votre adresse sont alors
        supprimés. Les messages eux-mêmes suivent la règle des messages ci-dessous (gardés un jour après leur envoi).
      </p>

      <h2>Comptes de l&apos;équipe éditoriale</h2>
      <p>
        Les membres de l&apos;équipe qui éditent le contenu disposent d&apos;un compte (nom, adresse électronique) et leurs actions sont
        journalisées, pour assurer la traçabilité des publications.
      </p>
      <p>
        Leur adresse électronique sert aussi à leur écrire : invitation, réinitialisation du mot de passe, contenu à relire, contenu publié
        ou renvoyé en brouillon. Un message est gardé dans la base de Repères jusqu&apos;à un jour après son envoi (un mois quand il
        n&apos;a pas pu être remis, pour qu&apos;un administrateur puisse le renvoyer) ; les messages ne nomment jamais la personne qui a
        agi.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous disposez d&apos;un droit d&apos;accès, de rectification, d&apos;opposition et d&apos;effacement (règlement général sur la
        protection des données et loi Informatique et libertés). Pour l&apos;exercer, contactez l&apos;IREV. En cas de difficulté, vous
        pouvez saisir la CNIL (
        <a href="https://www.cnil.fr" rel="noopener noreferrer">
          www.cnil.fr
        </a>
        ).
      </p>
      <p>
        Sur demande, l&apos;IREV vous envoie tout ce que Repères garde sous votre adresse électronique (propositions et accords, fiches qui
        vous nomment comme contact, messages en attente d&apos;envoi) dans un fichier, et l&apos;efface : vos propositions sont supprimées,
        votre nom et vos coordonnées sont retirés des fiches et de leurs versions précédentes, les messages en attente sont annulés. Le
        journal de l&apos;équipe note seulement qu&apos;une demande a été traitée, sans votre adresse.
      </p>
    </div>
  );
}
