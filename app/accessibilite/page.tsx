import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

export default function AccessibilityPage() {
  return (
    <div className="container prose">
      <h1>Déclaration d&apos;accessibilité</h1>
      <p>
        L&apos;IREV s&apos;engage à rendre Repères accessible conformément à l&apos;article 47 de la loi n° 2005-102 du 11 février 2005.
        Cette déclaration s&apos;applique au site public de Repères (pages de consultation et de recherche).
      </p>

      <h2>État de conformité</h2>
      <p>
        Repères n&apos;a pas encore fait l&apos;objet d&apos;un audit complet au regard du référentiel général d&apos;amélioration de
        l&apos;accessibilité (RGAA 4.1). En l&apos;absence d&apos;un tel audit, le site est déclaré <strong>non conforme</strong> au RGAA,
        même si les vérifications décrites ci-dessous ne relèvent aucune non-conformité.
      </p>

      <h2>Ce qui a été vérifié</h2>
      <p>À chaque modification du site, des tests automatisés vérifient :</p>
      <ul>
        <li>
          l&apos;absence de toute erreur détectée par axe-core (règles WCAG 2.0, 2.1 et 2.2, niveaux A et AA) sur chaque modèle de page
          publique : accueil, liste et fiche des initiatives (avec recherche et filtres appliqués), acteurs, thèmes, approches, territoires,
          enseignements, pages d&apos;information et page d&apos;erreur ; résultat mesuré : zéro erreur ;
        </li>
        <li>
          l&apos;utilisation au clavier seul de la recherche, des filtres et de la pagination, et le lien d&apos;évitement vers le contenu ;
        </li>
        <li>le fonctionnement de la recherche et des filtres sans JavaScript.</li>
      </ul>
      <p>
        Ces tests automatisés couvrent une partie seulement des critères du RGAA : la pertinence des alternatives, la restitution par les
        lecteurs d&apos;écran ou la lisibilité des contenus demandent une évaluation humaine, qui reste à faire.
      </p>

      <h2>Technologies utilisées</h2>
      <p>HTML, CSS, JavaScript (facultatif : les pages fonctionnent sans).</p>

      <h2>Retour d&apos;information et contact</h2>
      <p>
        Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, contactez l&apos;IREV (
        <a href="https://www.irev.fr" rel="noopener noreferrer">
          www.irev.fr
        </a>
        ) pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous signalez un défaut d&apos;accessibilité sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :
        par le formulaire en ligne sur{" "}
        <a href="https://formulaire.defenseurdesdroits.fr" rel="noopener noreferrer">
          formulaire.defenseurdesdroits.fr
        </a>
        , en contactant le délégué du Défenseur des droits de votre région, ou par courrier (gratuit, sans timbre) : Défenseur des droits,
        Libre réponse 71120, 75342 Paris CEDEX 07.
      </p>
      <p>
        <Link href="/">Revenir à l&apos;accueil</Link>
      </p>
    </div>
  );
}
