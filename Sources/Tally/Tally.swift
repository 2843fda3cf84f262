// Tally: placeholder until its stage lands.
