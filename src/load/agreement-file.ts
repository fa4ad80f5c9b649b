/** The agreement's own file in its folder (the bilagor are the folder's other YAML files). */
export const AGREEMENT_FILE = "overenskommelse.yaml";
