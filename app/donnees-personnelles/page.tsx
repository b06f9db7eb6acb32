import type { Metadata } from "next";

export const metadata: Metadata = { title: "Données personnelles" };

export default function PersonalDataPage() {
  return (
    <div className="container prose">
      <h1>Données personnelles</h1>
      <h2>Consultation du site</h2>
      <p>
        La consultation de Repères ne demande aucun compte. Le site ne dépose aucun cookie de mesure d&apos;audience ni de
        publicité, et n&apos;utilise aucun service tiers pour afficher ses pages. Les recherches saisies ne sont pas conservées
        au-delà des journaux techniques du serveur.
      </p>
      <h2>Contacts professionnels des initiatives</h2>
      <p>
        Une fiche peut indiquer le contact professionnel d&apos;une personne qui porte l&apos;initiative. Il n&apos;est publié
        qu&apos;avec l&apos;accord de cette personne, pour permettre aux professionnels d&apos;échanger sur leurs pratiques (mission
        d&apos;intérêt public de l&apos;IREV). La personne peut à tout moment demander la modification ou le retrait de ces
        informations.
      </p>
      <h2>Comptes de l&apos;équipe éditoriale</h2>
      <p>
        Les membres de l&apos;équipe qui éditent le contenu disposent d&apos;un compte (nom, adresse électronique) et leurs actions
        sont journalisées, pour assurer la traçabilité des publications.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous disposez d&apos;un droit d&apos;accès, de rectification, d&apos;opposition et d&apos;effacement (règlement général sur la
        protection des données et loi Informatique et libertés). Pour l&apos;exercer, contactez l&apos;IREV. En cas de difficulté,
        vous pouvez saisir la CNIL (
        <a href="https://www.cnil.fr" rel="noopener noreferrer">
          www.cnil.fr
        </a>
        ).
      </p>
    </div>
  );
}
