import { correctionPage, correctionPageMetadata } from "@/components/proposals/CorrectionPage";

export const metadata = correctionPageMetadata;

export default correctionPage("initiative");
