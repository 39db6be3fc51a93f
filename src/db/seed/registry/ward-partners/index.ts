// Every ward's file of sourced partners, in the 特別区 code order. Each file is one ward's facts
// with the sources they were read in (see types.ts).
import type { WardPartnersFile } from './types.ts';
import chiyoda from './chiyoda.ts';
import chuo from './chuo.ts';
import minato from './minato.ts';
import shinjuku from './shinjuku.ts';
import bunkyo from './bunkyo.ts';
import taito from './taito.ts';
import sumida from './sumida.ts';
import koto from './koto.ts';
import shinagawa from './shinagawa.ts';
import meguro from './meguro.ts';
import ota from './ota.ts';
import setagaya from './setagaya.ts';
import shibuya from './shibuya.ts';
import nakano from './nakano.ts';
import suginami from './suginami.ts';
import toshima from './toshima.ts';
import kita from './kita.ts';
import arakawa from './arakawa.ts';
import itabashi from './itabashi.ts';
import nerima from './nerima.ts';
import adachi from './adachi.ts';
import katsushika from './katsushika.ts';
import edogawa from './edogawa.ts';

export const wardPartnerFiles: readonly WardPartnersFile[] = [
  chiyoda,
  chuo,
  minato,
  shinjuku,
  bunkyo,
  taito,
  sumida,
  koto,
  shinagawa,
  meguro,
  ota,
  setagaya,
  shibuya,
  nakano,
  suginami,
  toshima,
  kita,
  arakawa,
  itabashi,
  nerima,
  adachi,
  katsushika,
  edogawa,
];
