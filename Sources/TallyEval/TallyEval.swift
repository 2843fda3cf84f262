// TallyEval: placeholder until its stage lands.
