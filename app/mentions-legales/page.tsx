import type { Metadata } from "next";

export const metadata: Metadata = { title: "Mentions légales" };

export default function LegalNoticePage() {
  return (
    <div className="container prose">
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>
        Repères est édité par l&apos;IREV, centre de ressources Politique de la ville Hauts-de-France, groupement d&apos;intérêt public
        installé à Lille (
        <a href="https://www.irev.fr" rel="noopener noreferrer">
          www.irev.fr
        </a>
        ).
      </p>
      <h2>Contenus</h2>
      <p>
        Les initiatives, acteurs et enseignements sont rédigés par l&apos;équipe de l&apos;IREV à partir de sources citées sur chaque fiche
        (journées de qualification, synthèses, documents des acteurs). Chaque fiche indique sa date de publication et de dernière
        vérification. Pour signaler une erreur ou demander une mise à jour, contactez l&apos;IREV.
      </p>
      <h2>Liens</h2>
      <p>
        Les liens vers d&apos;autres sites sont fournis à titre d&apos;information ; l&apos;IREV n&apos;est pas responsable de leur contenu.
      </p>
      <h2>Hébergement</h2>
      <p>L&apos;hébergeur est indiqué par l&apos;IREV lors de la mise en service du site.</p>
    </div>
  );
}
