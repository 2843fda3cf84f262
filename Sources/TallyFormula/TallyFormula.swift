// TallyFormula: placeholder until its stage lands.
