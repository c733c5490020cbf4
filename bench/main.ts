import { benchCustomFunctions } from './functions';

benchCustomFunctions();
