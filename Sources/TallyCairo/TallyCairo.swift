// TallyCairo: placeholder until its stage lands.
